import { useCallback, useRef, useState, type RefObject } from 'react';

export interface Player {
  audioRef: RefObject<HTMLAudioElement | null>;
  /** Where playback is, in ms from the start of the recording (null before it has played). */
  atMs: number | null;
  /** Moves playback to `ms` and plays from there (a transcript line's or an evidence's start). */
  seek(ms: number): void;
  onTimeUpdate(): void;
}

/** The recording's `<audio>` element and where it is, shared by the transcript (click a line) and the form (evidence). */
export function usePlayer(): Player {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [atMs, setAtMs] = useState<number | null>(null);
  const seek = useCallback((ms: number) => {
    const audio = audioRef.current;
    setAtMs(ms);
    if (!audio) return;
    audio.currentTime = ms / 1000;
    // A browser may refuse to start playing (no user gesture, a failed load): the position is still set.
    void audio.play().catch(() => undefined);
  }, []);
  const onTimeUpdate = useCallback(() => {
    const audio = audioRef.current;
    if (audio) setAtMs(Math.round(audio.currentTime * 1000));
  }, []);
  return { audioRef, atMs, seek, onTimeUpdate };
}
