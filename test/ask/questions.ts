/**
 * Study-group questions about the seed story (knowledge/us-skorea-end-of-war.md), written the way
 * a reader of the article would ask them, each with the body paragraph(s) that answer it. Where
 * two paragraphs genuinely answer a question both are listed. Written before `/ask` was tuned.
 */
export interface AskCase {
  question: string;
  /** Paragraph numbers that answer it; rank-1 is correct if it comes from any of them. */
  paragraphs: number[];
}

export const SEED_QUESTIONS: AskCase[] = [
  { question: 'Who is Jake Sullivan?', paragraphs: [2] },
  { question: 'What did Sullivan say about whether the allies agree on the core strategy?', paragraphs: [3] },
  { question: 'Are Washington and Seoul on the same page about formally ending the Korean War?', paragraphs: [1] },
  { question: 'When did Sullivan make these comments?', paragraphs: [2] },
  { question: 'Where was Sullivan when he talked to reporters?', paragraphs: [3] },
  { question: 'Why does Seoul want to declare an end to the war?', paragraphs: [2, 12] },
  { question: 'Who did the US envoy Sung Kim meet on Sunday?', paragraphs: [5] },
  { question: 'Who is Noh Kyu-duk?', paragraphs: [5] },
  { question: 'How did Noh characterise his talks with Kim?', paragraphs: [5] },
  { question: 'What did Sullivan think of the meeting between Kim and Noh?', paragraphs: [6] },
  { question: 'Where did the two envoys meet the week before?', paragraphs: [5] },
  { question: 'Why are North and South Korea still technically at war?', paragraphs: [7] },
  { question: 'Who signed the armistice that stopped the fighting?', paragraphs: [7] },
  { question: 'Was a peace treaty ever signed to end the Korean War?', paragraphs: [7] },
  { question: "When does President Moon's term end?", paragraphs: [8] },
  { question: 'Why is Moon Jae-in pushing so hard for the declaration now?', paragraphs: [8] },
  { question: 'How long has Moon supported an end-of-war declaration?', paragraphs: [8] },
  { question: 'Has the US said much publicly about the declaration?', paragraphs: [9] },
  { question: 'When did the Hanoi summit fall apart?', paragraphs: [9] },
  { question: 'Is Washington studying the idea internally?', paragraphs: [10] },
  { question: 'Is anyone reviewing the legal wording of a draft declaration?', paragraphs: [10] },
  { question: 'What would the US need from North Korea before signing on?', paragraphs: [11] },
  { question: 'What do observers think about the chances of Washington agreeing?', paragraphs: [11] },
  { question: 'How does South Korea see the declaration?', paragraphs: [12] },
  { question: 'What does Seoul hope the declaration will eventually lead to?', paragraphs: [12] },
  { question: 'Who is Moon Chung-in?', paragraphs: [13] },
  { question: 'What does Moon Chung-in say about lifting sanctions?', paragraphs: [13, 15] },
  { question: 'What does North Korea want from the United States?', paragraphs: [14] },
  { question: 'What policies does Pyongyang want Washington to drop?', paragraphs: [14] },
  { question: 'What kind of talks with the North are going on right now?', paragraphs: [15] },
  { question: 'When did Kim and Noh meet?', paragraphs: [5] },
  { question: 'Is this the first time the US has publicly stated its stance?', paragraphs: [4] },
  { question: 'Do the allies still disagree despite their recent meetings?', paragraphs: [4] },
  { question: 'When was the Korean War fought?', paragraphs: [2] },
  { question: 'Who led the United Nations Command?', paragraphs: [7] },
  { question: 'Where did Moon Chung-in make his remarks?', paragraphs: [14] },
  { question: 'What does Sullivan believe is the only way to make progress?', paragraphs: [3] },
  { question: 'Did Sullivan give details about the intensive discussions?', paragraphs: [6] },
  { question: 'What does the North need to be given for talks with the US to resume?', paragraphs: [14] },
  { question: 'Who is the US special envoy for North Korea?', paragraphs: [5] },
  { question: 'What stalemate has there been since 2019?', paragraphs: [9] },
  { question: 'Besides the declaration, what else did the two envoys discuss?', paragraphs: [5] },
];
