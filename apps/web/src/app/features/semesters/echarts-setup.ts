// Only what the semester charts use (bars, axes, legend, tooltip, ARIA) on the canvas renderer:
// loaded with the semesters route, never in the initial bundle.
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default echarts;
