/**
 * Which message shows each running quiz, so a round closed by its timer can be revealed there.
 * A quiz message is edited through the token of the interaction that last showed it (the
 * `/quiz play` reply, or the press that moved it on), which Discord honours for 15 minutes; the
 * board forgets an editor after 14. After a restart the board is empty: the first press after the
 * time is up reveals the round on the message it was pressed on (`QuizService.answer`).
 */
import type { RoundClosed } from '../core/quiz';
import type { Logger } from '../log';
import { renderQuiz } from './quizRender';
import type { SafeMessage } from './respond';

/** Edits the quiz message (a `Responder` is one). */
export interface MessageEditor {
  editOriginal(message: SafeMessage): Promise<void>;
}

const TOKEN_MS = 14 * 60 * 1000;
const MAX_QUIZZES = 1000;

export class QuizBoard {
  private readonly editors = new Map<string, { editor: MessageEditor; until: number }>();

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** `editor` now shows quiz `quizId`. */
  keep(quizId: string, editor: MessageEditor): void {
    this.editors.delete(quizId);
    this.editors.set(quizId, { editor, until: this.now() + TOKEN_MS });
    if (this.editors.size > MAX_QUIZZES) this.editors.delete(this.editors.keys().next().value as string);
  }

  /** A round closed on its timer: reveal it (and show the next round) on the quiz's message. */
  async closed(closed: RoundClosed): Promise<void> {
    const quizId = closed.reveal.quizId;
    const kept = this.editors.get(quizId);
    if (!kept || kept.until < this.now()) {
      this.editors.delete(quizId);
      return;
    }
    if (!closed.next) this.editors.delete(quizId);
    const message = renderQuiz({ reveal: closed.reveal, ...(closed.next ? { round: closed.next } : {}), ...(closed.final ? { scores: closed.final } : {}) });
    try {
      await kept.editor.editOriginal(message);
    } catch (err) {
      this.logger.warn({ err: { message: (err as Error).message }, quizId }, 'could not show a quiz reveal');
    }
  }
}
