/** Import limits, shared by the server and the upload form (which checks before sending). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
