// What the semesters feature shares on purpose: how a gap between places offered and requested reads.
export { GAP_KIND_LABELS, formatGap, gapKind } from './semester-format';
