import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommuneAnchors1795339131427 implements MigrationInterface {
  name = 'CommuneAnchors1795339131427';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "commune_contours" ADD "anchor_latitude" double precision`);
    await queryRunner.query(`ALTER TABLE "commune_contours" ADD "anchor_longitude" double precision`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "commune_contours" DROP COLUMN "anchor_longitude"`);
    await queryRunner.query(`ALTER TABLE "commune_contours" DROP COLUMN "anchor_latitude"`);
  }
}
