import { BadRequestException } from '@nestjs/common';

import { createValidationPipe } from '../http/validation';
import { IsDecimal, IsIsoDate, NotInFuture, OneOf, QueryFlag, Text } from './rules';
import { OptionalVersionDto, VersionDto } from './version.dto';

class Sample {
  @Text({ max: 10, min: 2, notText: 'le nom est obligatoire.' })
  name!: string;

  @Text({ max: 5, presence: 'blank' })
  nickname?: string | null;

  @OneOf(['a', 'b'], { presence: 'omittable' })
  kind?: string;

  @OneOf(['x', 'y'], { presence: 'optional', each: true })
  tags?: string[];

  @QueryFlag()
  archived?: boolean;

  @IsIsoDate()
  @NotInFuture()
  day!: string;
}

const pipe = createValidationPipe();

async function check(value: object, metatype: new () => object = Sample): Promise<object | string[]> {
  try {
    return await pipe.transform(value, { type: 'body', metatype });
  } catch (e) {
    return ((e as BadRequestException).getResponse() as { message: string[] }).message;
  }
}

describe('validation rules', () => {
  const valid = { name: ' Ada ', day: '2024-02-29' };

  it('trims, converts and accepts a valid body', async () => {
    expect(await check({ ...valid, nickname: '  ', tags: 'x, y', archived: 'true' })).toMatchObject({
      name: 'Ada',
      nickname: null,
      tags: ['x', 'y'],
      archived: true,
    });
  });

  it.each<[string, object, string[]]>([
    ['a missing text', { day: '2024-02-29' }, ['name : le nom est obligatoire.']],
    ['a short text', { ...valid, name: ' A ' }, ['name : 2 caractères au moins.']],
    ['a long text', { ...valid, nickname: 'abcdefgh' }, ['nickname : 5 caractères au plus.']],
    ['an unknown value', { ...valid, kind: 'c' }, ['kind : valeurs possibles a, b.']],
    ['a null omittable value', { ...valid, kind: null }, ['kind : valeurs possibles a, b.']],
    ['an unknown item', { ...valid, tags: ['x', 'z'] }, ['tags : valeurs possibles x, y.']],
    ['a flag that is not true or false', { ...valid, archived: 'yes' }, ['archived : true ou false.']],
    ['a date that does not exist', { ...valid, day: '2023-02-29' }, ['day : date attendue au format AAAA-MM-JJ.']],
    ['a date in the future', { ...valid, day: '2099-01-01' }, ['day : la date ne peut pas être dans le futur.']],
    ['a year typed wrong', { ...valid, day: '0100-01-01' }, ['day : année hors de la plage admise (1900 à 2199).']],
  ])('refuses %s, naming the field', async (_, body, messages) => {
    expect(await check(body)).toEqual(expect.arrayContaining(messages));
  });

  it('requires the version read, but lets archive and restore leave it out', async () => {
    expect(await check({}, VersionDto)).toEqual([
      expect.stringMatching(/^version : la version lue est obligatoire \(nombre entier, dans le corps/),
      expect.stringMatching(/^version : la version lue est obligatoire/),
    ]);
    expect(await check({ version: '3' }, VersionDto)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^version : /)]),
    );
    expect(await check({}, OptionalVersionDto)).toEqual({});
    expect(await check({ version: null }, OptionalVersionDto)).toEqual(
      expect.arrayContaining(['version : nombre entier attendu.']),
    );
  });
});

class Hours {
  @IsDecimal(1, 'hours : nombre d’heures attendu (une décimale au plus).')
  hours!: number;
}

describe('IsDecimal', () => {
  const pipe = createValidationPipe();
  const check = (hours: unknown) =>
    pipe.transform({ hours }, { type: 'body', metatype: Hours }).then(
      () => 'ok',
      (error: BadRequestException) => (error.getResponse() as { message: string[] }).message.join(' '),
    );

  it.each([1, 0.5, 12.3, 0])('accepts %p', async (hours) => {
    expect(await check(hours)).toBe('ok');
  });

  it.each([1.25, 1e308, Number.MAX_VALUE, '1', null])('refuses %p with the field’s message', async (hours) => {
    expect(await check(hours)).toBe('hours : nombre d’heures attendu (une décimale au plus).');
  });

  it('does not throw on numbers written with an exponent (5e-324)', async () => {
    expect(await check(5e-324)).toBe('ok');
  });
});
