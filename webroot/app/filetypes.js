// A file's type as a reader says it ("Word document"), not as a MIME type: a raw type such as
// application/vnd.openxmlformats-officedocument.wordprocessingml.document means nothing to most
// people and, unbroken, is wider than a phone.
import { t } from './i18n.js';

const WORDS = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/msword': 'word',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheet',
  'application/vnd.ms-excel': 'spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet': 'spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'presentation',
  'application/vnd.ms-powerpoint': 'presentation',
  'application/vnd.oasis.opendocument.presentation': 'presentation',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/rtf': 'rtf',
  'text/rtf': 'rtf',
  'text/plain': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/zip': 'zip',
};

/** The word for a MIME type (parameters such as "; charset=UTF-8" ignored). */
export function fileTypeName(mime) {
  if (!mime) return '';
  const type = String(mime).split(';')[0].trim().toLowerCase();
  const word = WORDS[type] || (type.startsWith('image/') ? 'image' : 'other');
  return t(`filetype.${word}`);
}
