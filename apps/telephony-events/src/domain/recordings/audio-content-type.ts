/**
 * Media types of the audio a PBX or contact centre writes, by file extension (Asterisk's monitor formats,
 * Amazon Connect's WAV, the usual compressed ones). Formats a browser cannot play (sln, g729, raw) are
 * served as bytes.
 */
const AUDIO_TYPES: Readonly<Record<string, string>> = {
  wav: 'audio/wav', wave: 'audio/wav', wav49: 'audio/wav',
  mp3: 'audio/mpeg', mpga: 'audio/mpeg',
  ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg',
  flac: 'audio/flac', m4a: 'audio/mp4', mp4: 'audio/mp4', aac: 'audio/aac', webm: 'audio/webm',
  gsm: 'audio/gsm', amr: 'audio/amr', au: 'audio/basic', ulaw: 'audio/basic', alaw: 'audio/x-alaw-basic',
};

const extensionOf = (name: string): string | null => {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : null;
};

/** The Content-Type of the file `fileName`: by its extension, else by the recording's `format`, else bytes. */
export function audioContentType(fileName: string, format: string | null | undefined): string {
  const ext = extensionOf(fileName);
  return (ext && AUDIO_TYPES[ext]) || (format && AUDIO_TYPES[format.toLowerCase()]) || 'application/octet-stream';
}
