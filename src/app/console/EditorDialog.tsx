// The YAML editor `kubectl edit` opens (what $EDITOR would be in a terminal): a modal dialog with a labelled
// monospace textarea. Save (Ctrl+S) hands the text back to kubectl, Cancel (Esc) closes without saving. Both go
// through the runtime's time machine, so the saved text is part of the recorded history and replays exactly.
// Keys pressed while an IME is composing (Japanese input) belong to the IME: Esc then cancels the conversion,
// not the edit.
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useRuntime } from '../runtime-context.ts';
import { CONSOLE_INPUT_ID } from './Console.tsx';
import { editedObject } from './edited-object.ts';

const EDITOR_TEXTAREA_ID = 'editor-text';

const FOCUSABLE = 'button:not([disabled]), textarea, input, select, [href], [tabindex]:not([tabindex="-1"])';

export function EditorDialog() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const editor = useAppState((s) => s.editor);
  const ref = useRef<HTMLDialogElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [text, setText] = useState('');
  const [seq, setSeq] = useState<number | null>(null);
  // A (re)opened editor starts from kubectl's text (after a failed save it carries the errors in its header).
  if (editor && editor.seq !== seq) {
    setSeq(editor.seq);
    setText(editor.initial);
  }
  const openSeq = editor?.seq ?? null;

  useLayoutEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (openSeq !== null) {
      if (!d.open) {
        const active = document.activeElement;
        returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
        d.showModal();
      }
      const a = area.current;
      if (a) {
        a.focus();
        a.setSelectionRange(0, 0);
        a.scrollTop = 0;
      }
    } else if (d.open) {
      d.close();
      const back = returnTo.current;
      returnTo.current = null;
      if (back?.isConnected) back.focus();
      else document.getElementById(CONSOLE_INPUT_ID)?.focus();
    }
  }, [openSeq]);

  const save = () => runtime.finishEdit(text);
  const cancel = () => runtime.finishEdit(undefined);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // Keys during IME composition are the IME's (keyCode 229 covers browsers that end composition first).
    if (e.nativeEvent.isComposing || e.keyCode === 229) {
      if (e.key === 'Escape') e.preventDefault();
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if ((e.key === 's' || e.key === 'S') && (e.ctrlKey || e.metaKey) && !e.altKey) {
      e.preventDefault();
      save();
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog (the native modal would let Tab leave to the browser's own controls).
      const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const object = editor ? editedObject(editor.initial) : null;
  return (
    // The dialog handles its own keys (Esc, Ctrl+S, Tab wrap) for everything inside it.
    <dialog
      ref={ref}
      className="editor-dialog"
      aria-labelledby="editor-title"
      aria-describedby="editor-hint"
      data-testid="editor-dialog"
      onKeyDown={onKeyDown}
      // Esc is handled in onKeyDown (after the IME check); a close request that still arrives is a cancel.
      onCancel={(e) => e.preventDefault()}
      onClose={() => {
        if (runtime.store.getState().editor) cancel();
      }}
    >
      {editor && (
        <form
          className="editor-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <h2 id="editor-title">{object ? t('editor.title', { object }) : t('editor.titleGeneric')}</h2>
          <p id="editor-hint" className="editor-hint">
            {t('editor.hint')} {t('editor.recorded')}
          </p>
          <label htmlFor={EDITOR_TEXTAREA_ID} className="editor-label">
            {t('editor.label')}
          </label>
          <textarea
            ref={area}
            id={EDITOR_TEXTAREA_ID}
            className="editor-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            autoComplete="off"
            wrap="off"
            translate="no"
            data-testid="editor-text"
          />
          <div className="editor-buttons">
            <button type="submit" aria-keyshortcuts="Control+S" data-testid="editor-save">
              {t('editor.save')} <kbd>Ctrl+S</kbd>
            </button>
            <button type="button" aria-keyshortcuts="Escape" onClick={cancel} data-testid="editor-cancel">
              {t('editor.cancel')} <kbd>Esc</kbd>
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
