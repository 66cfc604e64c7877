/** Facts about this running instance, decided at boot. */
export class RuntimeInfo {
  constructor(
    /** Demo data is loaded: the login page may show the demo accounts. */
    public demo: boolean,
    readonly version: string,
    readonly embeddedDatabase: boolean,
  ) {}
}
