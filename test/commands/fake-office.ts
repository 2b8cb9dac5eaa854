/**
 * A stand-in for the `Office` global, installed on import so that it exists
 * before src/commands/commands.ts registers its handlers (at load) and its
 * startup behaviour (once Office is ready).
 */
type ReadyCallback = () => void;

export const fakeOffice = {
  readyCallbacks: [] as ReadyCallback[],
  onReady: jest.fn((callback: ReadyCallback) => {
    fakeOffice.readyCallbacks.push(callback);
    return Promise.resolve({ host: null, platform: null });
  }),
  actions: { associate: jest.fn() },
  addin: {
    showAsTaskpane: jest.fn((): Promise<void> => Promise.resolve()),
    setStartupBehavior: jest.fn((): Promise<void> => Promise.resolve()),
  },
  StartupBehavior: { none: "None", load: "Load" },
  context: { requirements: { isSetSupported: jest.fn((name: string) => name === "SharedRuntime") } },
};

/** Runs what the code under test asked to run once Office is ready. */
export function becomeReady(): void {
  for (const callback of fakeOffice.readyCallbacks) callback();
}

Object.defineProperty(globalThis, "Office", { value: fakeOffice, configurable: true, writable: true });
