export declare const OPTIONS: { allowCustomDataForDataTypeAny: true; allowErrorForDataTypeAny: true };
export declare function withOptions(json: string): string;
export declare class FunctionsMetadataOptionsPlugin {
  constructor(output?: string);
  apply(compiler: unknown): void;
}
