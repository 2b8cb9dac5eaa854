// Outside Excel there is no custom functions runtime. The preview evaluates the
// ALTITUDE formulas itself by calling the real functions, which build their cell
// errors with CustomFunctions.Error. Imported before the functions module, so
// the global exists when it loads.
import { installCustomFunctionsStandIn } from "../../functions/runtime-stand-in";

installCustomFunctionsStandIn();
