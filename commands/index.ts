/**
 * The command registry. Console, JSON mode and Discord all read this list: adding a command means
 * adding a module in this folder and listing it here.
 */
import type { AnyCommand } from '../src/core/command';
import articles from './articles';
import ask from './ask';
import { helpCommand } from './help';
import people from './people';
import position from './position';
import quotes from './quotes';
import search from './search';
import whoSaid from './who-said';
import reload from './reload';
import libraryAdd from './library-add';
import libraryList from './library-list';
import libraryRemove from './library-remove';
import librarySettings from './library-settings';
import timeline from './timeline';
import chart from './chart';
import exportCommand from './export';
import quizPlay from './quiz-play';
import quizAnswer from './quiz-answer';
import quizScores from './quiz-scores';
import correct from './correct';
import corrections from './corrections';

const help = helpCommand(() => commands);

export const commands: AnyCommand[] = [search, whoSaid, quotes, people, position, timeline, chart, exportCommand, ask, articles, help, correct, corrections, reload, libraryAdd, libraryList, libraryRemove, librarySettings, quizPlay, quizAnswer, quizScores] as unknown as AnyCommand[];
