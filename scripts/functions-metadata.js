// functions.json options the metadata generator does not write. The generator sets
// allowCustomDataForDataTypeAny (cells holding data types reach the functions as
// objects with a basicValue); Altitude also sets allowErrorForDataTypeAny, so an
// error cell in a range reaches the function, which decides what it means, instead
// of Excel answering #N/A without a word. Both are root properties of functions.json:
// https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json
const { Compilation, sources } = require("webpack");

const NAME = "FunctionsMetadataOptions";
const OPTIONS = { allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true };

/** The generated metadata with Altitude's root options set. */
function withOptions(json) {
  const metadata = JSON.parse(json);
  return JSON.stringify({ ...OPTIONS, ...metadata, ...OPTIONS }, null, 4);
}

/** Rewrites the functions.json asset the metadata plugin emitted. */
class FunctionsMetadataOptionsPlugin {
  constructor(output = "functions.json") {
    this.output = output;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.output);
        if (!asset) return;
        compilation.updateAsset(this.output, new sources.RawSource(withOptions(asset.source.source().toString())));
      });
    });
  }
}

module.exports = { FunctionsMetadataOptionsPlugin, withOptions, OPTIONS };
