import { Pipe, type PipeTransform } from '@angular/core';
import { frenchDate, type FrenchDateStyle } from '@maillage/web/util';

/**
 * `{{ task.dueOn | uiDate: 'day' }}` → « dimanche 22 décembre », with the year when it is not the
 * current one (« dimanche 22 décembre 2024 »). See `frenchDate` for the styles.
 */
@Pipe({ name: 'uiDate' })
export class FrenchDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, style: FrenchDateStyle = 'short'): string {
    return frenchDate(value, style);
  }
}
