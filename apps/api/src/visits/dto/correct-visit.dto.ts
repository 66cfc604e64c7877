import { PickType } from '@nestjs/swagger';

import { Text } from '../../common/validation/rules';
import { RecordVisitDto } from './record-visit.dto';

/**
 * `POST /api/site-visits/:id/correct`: what was recorded, corrected. The access issues and the
 * tasks the record raised are records of their own and are corrected on their pages.
 */
export class CorrectVisitDto extends PickType(RecordVisitDto, [
  'version',
  'visitedOn',
  'participants',
  'checklist',
  'findings',
  'nextVisitOn',
] as const) {
  /** Why the record changes; kept, dated, in the notes and in the history. */
  @Text({ max: 500, min: 3, notText: 'le motif de la correction est obligatoire.' })
  reason!: string;
}
