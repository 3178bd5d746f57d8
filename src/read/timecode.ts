// Timestamps as transcripts write them: 01:02:03.456 (VTT), 01:02:03,456 (SRT),
// 02:03.456 (VTT under an hour, Whisper), [00:01:23] and 0:03 (plain text, Otter).

const TIMECODE = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/** Seconds, or null when the text is not a timestamp. */
export function parseTimecode(text: string): number | null {
  const m = TIMECODE.exec(text.trim());
  if (!m) return null;
  const [, h, min, s, frac] = m;
  const minutes = Number(min);
  const seconds = Number(s);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return null;
  const fraction = frac ? Number(frac) / 10 ** frac.length : 0;
  return Number(h ?? 0) * 3600 + minutes * 60 + seconds + fraction;
}

/** `1:02:03` or `02:03` for reports. */
export function formatTimecode(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
