import { type ArgumentMetadata, BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';

/** Refuses a body that is not a JSON object (an array, a number, a string) before validating it. */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsObject =
      metadata.type === 'body' && typeof metadata.metatype === 'function' && metadata.metatype !== Array;
    if (expectsObject && value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new BadRequestException('Le corps de la requête doit être un objet JSON.');
    }
    return super.transform(value, metadata);
  }
}

/**
 * The one validation pipe of the API (also used by the tests): unknown fields are refused,
 * types are converted, and every message names the field in French.
 */
export function createValidationPipe(): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new BadRequestException({ message: flattenErrors(errors) }),
  });
}

export function flattenErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) =>
      rule === 'whitelistValidation' ? `Le champ « ${path} » n’est pas autorisé.` : prefix(path, french(rule, message)),
    );
    return [...own, ...flattenErrors(error.children ?? [], path)];
  });
}

/** Names the field in front, unless the message already does (« path : … », or class-validator's English). */
function prefix(path: string, message: string): string {
  const named =
    message.startsWith(`${path} : `) || /^\S+ (must|should) /.test(message) || message.startsWith('Le champ');
  return named ? message : `${path} : ${message}`;
}

/** French texts for the rules a DTO left with class-validator's English default message. */
const FRENCH_DEFAULTS: Record<string, string> = {
  isString: 'du texte est attendu.',
  isInt: 'un nombre entier est attendu.',
  isNumber: 'un nombre est attendu.',
  isBoolean: 'true ou false.',
  isArray: 'une liste est attendue.',
  isObject: 'un objet est attendu.',
  isUuid: 'identifiant invalide (uuid attendu).',
  isEmail: 'adresse e-mail invalide.',
  isDateString: 'date invalide (AAAA-MM-JJ).',
  isIso8601: 'date invalide (AAAA-MM-JJ).',
  isEnum: 'valeur non prévue.',
  isIn: 'valeur non prévue.',
  isNotEmpty: 'une valeur est obligatoire.',
  isDefined: 'une valeur est obligatoire.',
  min: 'valeur trop petite.',
  max: 'valeur trop grande.',
  minLength: 'texte trop court.',
  maxLength: 'texte trop long.',
  matches: 'format invalide.',
  arrayMaxSize: 'liste trop longue.',
  arrayMinSize: 'liste trop courte.',
  arrayUnique: 'les valeurs doivent être distinctes.',
  nestedValidation: 'un objet est attendu.',
  unknownValue: 'valeur inattendue.',
};
/** class-validator's default messages are English sentences about the property. */
const ENGLISH_DEFAULT = /\b(must|should|each value in)\b/;

function french(rule: string, message: string): string {
  if (!ENGLISH_DEFAULT.test(message)) return message;
  return FRENCH_DEFAULTS[rule] ?? 'valeur invalide.';
}
