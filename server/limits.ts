// Explicit limits that both the server and the pages show, in one small module the browser
// bundle can import without pulling in server code.
export const CAPACITY = { default: 60, max: 300 } as const;
export const PASSWORD_MIN_LENGTH = 10;
export { NAME_MAX_LENGTH } from "./live/names";
