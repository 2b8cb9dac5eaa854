export declare const DEV_URL: string;
export declare function checkAddinUrl(addinUrl: string): string;
export declare function manifestForUrl(manifestText: string, addinUrl: string): string;
