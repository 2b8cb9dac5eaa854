import { getFunctionSettings, setFunctionSettings } from "../../src/functions/settings-store";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";

describe("the custom functions' settings store", () => {
  afterEach(() => setFunctionSettings(DEFAULT_SETTINGS));

  it("starts from the defaults", () => {
    expect(getFunctionSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it("is shared by every copy of the module, as the task pane and functions bundles each have one", () => {
    let other: typeof import("../../src/functions/settings-store") | undefined;
    jest.isolateModules(() => {
      other = jest.requireActual<typeof import("../../src/functions/settings-store")>("../../src/functions/settings-store");
    });
    setFunctionSettings(withDefaults({ scoreCap: 1.5 }));
    expect(other?.getFunctionSettings().scoreCap).toBe(1.5);
  });
});
