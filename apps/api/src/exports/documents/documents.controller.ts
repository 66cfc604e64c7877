import { type AuthUser } from '@maillage/shared/domain';
import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { CommitteesService } from '../../committees/committees.service';
import { Allow } from '../../common/auth/allow.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ParseIdPipe } from '../../common/http/id.pipe';
import { renderPdf } from '../../common/pdf/pdf-renderer';
import { OfferSnapshotsService } from '../../offer-snapshots/offer-snapshots.service';
import { Departement } from '../../territory/entities/departement.entity';
import { exportFileName } from '../spreadsheet/export-column';
import { committeeMeetingDocument } from './committee-meeting.document';
import { offerSnapshotDocument } from './offer-snapshot.document';

const pdf = (body: Buffer, name: string) =>
  new StreamableFile(body, {
    type: 'application/pdf',
    disposition: `attachment; filename="${name}.pdf"`,
    length: body.length,
  });

/** Documents to hand over: an offer snapshot and a committee meeting as PDF. */
@ApiTags('exports')
@ApiProduces('application/pdf')
@Controller('exports')
export class DocumentsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly snapshots: OfferSnapshotsService,
    private readonly meetings: CommitteesService,
  ) {}

  @ApiOperation({ summary: 'Un état de l’offre de stage en PDF (chiffres figés, terrains surveillés, évolution).' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Allow('offer.read')
  @Get('offer-snapshots/:id')
  async offerSnapshot(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const snapshot = await this.snapshots.get(user, id);
    const body = await renderPdf(
      offerSnapshotDocument(snapshot, await this.departementName(snapshot.departementCode), new Date()),
    );
    return pdf(body, exportFileName(`etat-de-l-offre ${snapshot.title}`, snapshot.takenOn));
  }

  @ApiOperation({ summary: 'Un comité en PDF : ordre du jour, participants, décisions, actions, compte rendu.' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Allow('committees.read')
  @Get('committee-meetings/:id')
  async committeeMeeting(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const meeting = await this.meetings.get(user, id);
    const body = await renderPdf(
      committeeMeetingDocument(meeting, await this.departementName(meeting.departementCode), new Date()),
    );
    return pdf(body, exportFileName(`comite ${meeting.title}`, meeting.heldOn));
  }

  private async departementName(code: string): Promise<string> {
    return (await this.db.getRepository(Departement).findOneBy({ code }))?.name ?? code;
  }
}
