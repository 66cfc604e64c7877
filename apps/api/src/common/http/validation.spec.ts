import { BadRequestException, type ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, MinLength, ValidateNested } from 'class-validator';

import { CreateUserDto } from '../../users/dto/user.dto';
import { PageQueryDto } from './page-query.dto';
import { createValidationPipe, flattenErrors } from './validation';

const error = (
  property: string,
  constraints: Record<string, string> = {},
  children: ValidationError[] = [],
): ValidationError => ({
  property,
  constraints,
  children,
});

describe('flattenErrors', () => {
  it.each<[string, ValidationError[], string[]]>([
    [
      'an unknown field',
      [error('admin', { whitelistValidation: 'property admin should not exist' })],
      ['Le champ « admin » n’est pas autorisé.'],
    ],
    [
      'a message without the field name',
      [error('email', { isEmail: 'adresse invalide' })],
      ['email : adresse invalide'],
    ],
    [
      'a message that already names the field',
      [error('email', { isEmail: 'email : adresse e-mail invalide.' })],
      ['email : adresse e-mail invalide.'],
    ],
    [
      'a message that starts with the name of its field',
      [error('date', { isDateString: 'date attendue au format AAAA-MM-JJ.' })],
      ['date : date attendue au format AAAA-MM-JJ.'],
    ],
    [
      'class-validator’s default text, in French',
      [error('page', { isInt: 'page must be an integer number' })],
      ['page : un nombre entier est attendu.'],
    ],
    [
      'several rules of one field',
      [error('password', { isString: 'password : obligatoire.', minLength: 'password : 12 caractères au moins.' })],
      ['password : obligatoire.', 'password : 12 caractères au moins.'],
    ],
    [
      'nested fields, with their path',
      [
        error('address', {}, [
          error('city', { isString: 'la ville est obligatoire' }),
          error('extra', { whitelistValidation: 'x' }),
        ]),
      ],
      ['address.city : la ville est obligatoire', 'Le champ « address.extra » n’est pas autorisé.'],
    ],
    [
      'array items',
      [error('contacts', {}, [error('0', {}, [error('email', { isEmail: 'adresse invalide' })])])],
      ['contacts.0.email : adresse invalide'],
    ],
    ['nothing', [], []],
  ])('%s', (_, errors, expected) => {
    expect(flattenErrors(errors)).toEqual(expected);
  });
});

class Address {
  @IsString({ message: 'la ville est obligatoire' })
  @MinLength(2, { message: '2 caractères au moins' })
  city!: string;
}

class Person {
  @IsInt({ message: 'age : nombre entier attendu.' })
  age!: number;

  @ValidateNested()
  @Type(() => Address)
  address!: Address;
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  async function messagesFor(
    value: unknown,
    metatype: new () => object,
    type: 'body' | 'query' = 'body',
  ): Promise<string[]> {
    try {
      await pipe.transform(value, { type, metatype });
    } catch (e) {
      expect(e).toBeInstanceOf(BadRequestException);
      return ((e as BadRequestException).getResponse() as { message: string[] }).message;
    }
    throw new Error('expected a validation error');
  }

  it('refuses unknown fields, nested ones included, with their path', async () => {
    const messages = await messagesFor({ age: 30, address: { city: 'Melun', zip: '77000' }, admin: true }, Person);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Le champ « admin » n’est pas autorisé.',
        'Le champ « address.zip » n’est pas autorisé.',
      ]),
    );
    expect(messages).toHaveLength(2);
  });

  it('names nested fields by their path', async () => {
    expect(await messagesFor({ age: '30', address: { city: 'M' } }, Person)).toEqual([
      'age : nombre entier attendu.',
      'address.city : 2 caractères au moins',
    ]);
  });

  it('reports every field of a user at once, in French', async () => {
    const messages = await messagesFor({ email: 'nope', role: 'root', password: 'short' }, CreateUserDto);
    expect(messages).toEqual(
      expect.arrayContaining([
        'email : adresse e-mail invalide.',
        'displayName : le nom est obligatoire.',
        expect.stringMatching(/^role : valeurs possibles admin, mission_officer/),
        'password : 12 caractères au moins.',
      ]),
    );
  });

  it('converts query strings to numbers and applies the page defaults', async () => {
    await expect(pipe.transform({ page: '2' }, { type: 'query', metatype: PageQueryDto })).resolves.toMatchObject({
      page: 2,
      pageSize: 25,
    });
    expect(await messagesFor({ pageSize: '201' }, PageQueryDto, 'query')).toEqual(['pageSize : 200 au maximum.']);
  });
});
