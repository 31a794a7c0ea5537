/**
 * The largest attachment a case may hold. Shared by the store (which refuses larger files), the
 * import (which skips them) and the API schemas (which refuse larger uploads before decoding).
 */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

/** The length of the base64 text of the largest attachment, plus slack for padding. */
export const MAX_ATTACHMENT_BASE64_LENGTH = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4
