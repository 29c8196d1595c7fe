/** A demo that cannot start (its folder is taken or not a demo's); the CLI makes it exit 2. */
export class DemoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoError';
  }
}
