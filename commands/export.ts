import { defineCommand } from '../src/core/command';
import { exportAnswer } from '../src/answer/export';
import { articleOption } from './shared';

export default defineCommand({
  definition: {
    name: 'export',
    description: 'Every statement (or one article’s) as a CSV or JSON file: who said what, where, verbatim.',
    // Not `answers`: one file covers every base the server answers from (ctx.segments), not one per base.
    options: [
      { name: 'format', type: 'string', description: 'csv or json', required: true, maxLength: 10 },
      articleOption,
      { name: 'spreadsheet', type: 'boolean', description: 'For Excel/Sheets: UTF-8 BOM, formula-like cells made safe (CSV)' },
    ],
  },
  handle: ({ format, article, spreadsheet }, ctx) =>
    exportAnswer(ctx.segments ?? [ctx.kb], { format, articleId: article, spreadsheet, overrides: ctx.overrides }),
});
