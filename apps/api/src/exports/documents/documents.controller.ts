import { type AuthUser } from '@maillage/shared/domain';
import { Controller, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { CommitteesService } from '../../committees/committees.service';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { renderPdf } from '../../common/pdf/pdf-renderer';
import { download, PDF } from '../../common/routes/download';
import { FileRoute, IdParam } from '../../common/routes/route.decorators';
import { OfferSnapshotsService } from '../../offer-snapshots/offer-snapshots.service';
import { departementNameOf } from '../../territory/departement-name';
import { exportFileName } from '../spreadsheet/export-column';
import { committeeMeetingDocument } from './committee-meeting.document';
import { offerSnapshotDocument } from './offer-snapshot.document';

const pdf = (body: Buffer, name: string) => download({ filename: `${name}.pdf`, body }, PDF);

/** Documents to hand over: an offer snapshot and a committee meeting as PDF. */
@ApiTags('exports')
@Controller('exports')
export class DocumentsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly snapshots: OfferSnapshotsService,
    private readonly meetings: CommitteesService,
  ) {}

  @FileRoute(
    'offer.read',
    'offer-snapshots/:id',
    PDF,
    'Un état de l’offre de stage en PDF (chiffres figés, terrains surveillés, évolution).',
  )
  async offerSnapshot(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    const snapshot = await this.snapshots.get(user, id);
    const body = await renderPdf(
      offerSnapshotDocument(snapshot, await this.departementName(snapshot.departementCode), new Date()),
    );
    return pdf(body, exportFileName(`etat-de-l-offre ${snapshot.title}`, snapshot.takenOn));
  }

  @FileRoute(
    'committees.read',
    'committee-meetings/:id',
    PDF,
    'Un comité en PDF : ordre du jour, participants, décisions, actions, compte rendu.',
  )
  async committeeMeeting(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    const meeting = await this.meetings.get(user, id);
    const body = await renderPdf(
      committeeMeetingDocument(meeting, await this.departementName(meeting.departementCode), new Date()),
    );
    return pdf(body, exportFileName(`comite ${meeting.title}`, meeting.heldOn));
  }

  private departementName(code: string): Promise<string> {
    return departementNameOf(this.db.manager, code);
  }
}
