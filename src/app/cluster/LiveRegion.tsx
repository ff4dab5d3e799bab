// Announces significant changes of the picture politely (and says what changed when motion is reduced), and
// says once where a time jump landed (time/jump-announcer.ts decides when; time/jump-text.ts what).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../runtime-context.ts';
import { diffFrames } from './announce.ts';
import { createJumpAnnouncer, type JumpAnnouncer } from '../time/jump-announcer.ts';
import { jumpText } from '../time/jump-text.ts';

export function LiveRegion() {
  // i18n.t speaks the language current when the text is said (it may change between a jump and its announcement).
  const { i18n } = useTranslation();
  const runtime = useRuntime();
  const [text, setText] = useState('');

  useEffect(() => {
    const announcer: JumpAnnouncer = createJumpAnnouncer({
      // The same words twice would not be spoken again: a trailing no-break space makes them new.
      say: (next) => setText((prev) => (prev === next ? `${next}\u00a0` : next)),
      describe: (jump) => jumpText(jump, (key, params) => i18n.t(key, params)),
    });
    const unsubFrames = runtime.store.subscribe((s, prev) => {
      // Frames flushed while a jump rebuilds and replays are its own business; the jump is said as a whole.
      if (s.frame === prev.frame || prev.frame.nodes.length === 0 || runtime.jumps.active()) return;
      announcer.facts(diffFrames(prev.frame, s.frame).map((a) => i18n.t(a.key, a.params)));
    });
    const unsubJumps = runtime.jumps.subscribe((jump) => announcer.jump(jump));
    return () => {
      unsubFrames();
      unsubJumps();
      announcer.dispose();
    };
  }, [runtime, i18n]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {text}
    </div>
  );
}
