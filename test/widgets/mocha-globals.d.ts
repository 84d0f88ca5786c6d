/** The few Mocha globals the browser tests use (Web Test Runner runs Mocha; @types/mocha is not installed). */
type Test = (this: unknown) => void | Promise<void>;
declare function describe(name: string, body: () => void): void;
declare function it(name: string, test: Test): void;
declare function beforeEach(hook: Test): void;
declare function afterEach(hook: Test): void;
