import { audioContentType } from './audio-content-type';
import { byteRange } from './byte-range';
import { isInside, recordingLocation } from './recording-location';

describe('where a recording is', () => {
  it('reads file: URIs (%-decoded), absolute paths and bare relative names as local files', () => {
    expect(recordingLocation('file:///var/spool/asterisk/monitor/1759626900.7.wav')).toEqual({ kind: 'local', path: '/var/spool/asterisk/monitor/1759626900.7.wav' });
    expect(recordingLocation('file://localhost/rec/a%20b.wav')).toEqual({ kind: 'local', path: '/rec/a b.wav' });
    expect(recordingLocation('file:/rec/x.wav')).toEqual({ kind: 'local', path: '/rec/x.wav' });
    expect(recordingLocation('file:2026/10/x.wav')).toEqual({ kind: 'local', path: '2026/10/x.wav' });
    expect(recordingLocation('/rec/2026/10/x.wav')).toEqual({ kind: 'local', path: '/rec/2026/10/x.wav' });
    expect(recordingLocation('2026/10/x%20y.wav')).toEqual({ kind: 'local', path: '2026/10/x%20y.wav' }); // not a URI: taken as written
  });

  it('names the stores it cannot read: S3, HTTP, another host’s file', () => {
    expect(recordingLocation('s3://bucket/connect/x.wav')).toEqual({ kind: 'remote', scheme: 's3' });
    expect(recordingLocation('HTTPS://rec.example.com/x.wav')).toEqual({ kind: 'remote', scheme: 'https' });
    expect(recordingLocation('file://nas01/share/x.wav')).toEqual({ kind: 'remote', scheme: 'file' });
  });

  it('refuses a name that climbs (also %-encoded), holds control characters, bad escapes, or names no file', () => {
    for (const uri of [
      '../etc/passwd', 'a/../../b.wav', '/rec/../etc/passwd', 'file:///rec/../../etc/passwd', 'file:///rec/%2e%2e/%2E%2E/etc/passwd',
      'file:///rec/..%2f..%2fetc%2fpasswd', 'file:///rec/x%00.wav', 'x\u0000.wav', 'file:///rec/%E0%A4%A', 'file:///rec/', '', 'file://localhost',
    ]) {
      expect([uri, recordingLocation(uri).kind]).toEqual([uri, 'refused']);
    }
  });

  it('inside means strictly below the directory', () => {
    expect(isInside('/rec', '/rec/a.wav')).toBe(true);
    expect(isInside('/rec', '/rec/2026/10/a.wav')).toBe(true);
    expect(isInside('/rec', '/rec')).toBe(false);
    expect(isInside('/rec', '/recordings/a.wav')).toBe(false);
    expect(isInside('/rec', '/etc/passwd')).toBe(false);
    expect(isInside('/rec', '/rec/..a.wav')).toBe(true); // a name that starts with two dots is still a name
  });
});

describe('byte ranges (RFC 9110 §14)', () => {
  const size = 1_000;
  it('serves one range: a-b (clamped to the end), a-, and the last n', () => {
    expect(byteRange('bytes=0-99', size)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(byteRange('bytes=900-5000', size)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(byteRange('bytes=10-', size)).toEqual({ kind: 'part', start: 10, end: 999 });
    expect(byteRange('bytes=-100', size)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(byteRange('bytes=-5000', size)).toEqual({ kind: 'part', start: 0, end: 999 });
    expect(byteRange('Bytes= 5-5 ', size)).toEqual({ kind: 'part', start: 5, end: 5 });
  });

  it('answers 416 when the file has none of the bytes asked for', () => {
    expect(byteRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=5000-6000', size)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=99999999999999999999999-', size)).toEqual({ kind: 'unsatisfiable' });
  });

  it('answers the whole file to no Range, several ranges, another unit, or a malformed or backwards one', () => {
    for (const h of [undefined, '', 'bytes=0-1,5-6', 'items=0-1', 'bytes=a-b', 'bytes=-', 'bytes=9-3', 'bytes 0-1']) {
      expect([h, byteRange(h, size)]).toEqual([h, { kind: 'whole' }]);
    }
  });

  it('honours If-Range only for the version the client holds', () => {
    const v = { etag: '"3e8-1"', lastModified: 'Thu, 01 Oct 2026 00:00:00 GMT' };
    expect(byteRange('bytes=0-9', size, '"3e8-1"', v)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(byteRange('bytes=0-9', size, v.lastModified, v)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(byteRange('bytes=0-9', size, '"old"', v)).toEqual({ kind: 'whole' });
  });
});

describe('content types', () => {
  it('by the file’s extension, else the recording’s format, else bytes', () => {
    expect(audioContentType('c-1.wav', null)).toBe('audio/wav');
    expect(audioContentType('c-1.WAV', 'mp3')).toBe('audio/wav');
    expect(audioContentType('c-1.mp3', undefined)).toBe('audio/mpeg');
    expect(audioContentType('c-1', 'mp3')).toBe('audio/mpeg');
    expect(audioContentType('c-1.sln', null)).toBe('application/octet-stream');
    expect(audioContentType('.wav', null)).toBe('application/octet-stream');
  });
});
