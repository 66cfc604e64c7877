import { BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * The one validation pipe of the API (also used by the tests): unknown fields are refused,
 * types are converted, and every message names the field in French.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
      rule === 'whitelistValidation' ? `Le champ « ${path} » n’est pas autorisé.` : prefix(path, message),
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
