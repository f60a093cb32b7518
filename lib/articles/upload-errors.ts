/** Why an upload or paste was refused. */
export type UploadErrorCode =
  | "empty"
  | "too_large"
  | "text_too_large"
  | "binary"
  | "invalid_encoding"
  | "unsupported_type"
  | "no_text";

export type UploadError = { ok: false; code: UploadErrorCode; message: string };

/** Build a refusal: user errors are returned, never thrown. */
export function refuse(code: UploadErrorCode, message: string): UploadError {
  return { ok: false, code, message };
}

/** Format a byte count as "5 MB" / "2.4 MB" / "812 KB" for messages. */
export function formatSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
