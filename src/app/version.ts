/** The app's version, from package.json at build time. */
export const version: string = __APP_VERSION__;
