// Every tuned number of retrieval and answering, in one validated object that eval reports record.
import { z } from 'zod'

export const PolicySchema = z
  .object({
    /** Blocks each ranking contributes to fusion. */
    pool: z.number().int().min(5).max(200),
    /** Weight of the lexical ranking in hybrid fusion; the dense ranking gets the rest. */
    lexicalWeight: z.number().min(0).max(1),
    /** Weight of a block's coverage of the question, added to its fused score in hybrid mode. */
    coverageWeight: z.number().min(0).max(2),
    /** How many fused blocks are rescored by coverage. */
    rerankDepth: z.number().int().min(1).max(200),
    /** Vector similarity above which a different word counts as the same idea ("kids" ~ "children"). */
    synonymSimilarity: z.number().min(0).max(1),
    /** Vector similarity from which a word the record never uses is searched as a record word. */
    expansionSimilarity: z.number().min(0).max(1),
    /**
     * Relevance is a logistic model of a block's coverage of the question and its best sentence's
     * similarity to it: the bias and the two weights, fitted on the tuning questions by
     * `npm run eval -- --calibrate`.
     */
    relevanceBias: z.number(),
    relevanceCoverage: z.number(),
    relevanceSimilarity: z.number(),
    relevanceAbsent: z.number(),
    relevanceAgreement: z.number(),
    /**
     * The one threshold on relevance: a block at or above it answers the question (and joins a
     * broad answer); when no block reaches it, Rapporteur abstains. Chosen on the tuning split
     * as the one that handles most questions right (a useful answer, or a due abstention).
     */
    relevance: z.number().min(0).max(1),
    /**
     * Once a question is answered (a block reaches \`relevance\`), a broad answer quotes every block
     * at or above this lower threshold: a topic's further paragraphs need not each answer the
     * question on their own. Chosen on the tuning split's broad questions by citation F1.
     */
    broadRelevance: z.number().min(0).max(1),
    /** How many retrieved blocks are judged for relevance. */
    judged: z.number().int().min(1).max(100),
    /** An item of a numbered list beside one a broad answer quotes joins it at this relevance. */
    listRelevance: z.number().min(0).max(1),
    /** Most paragraphs a broad answer chooses by relevance; list items beside them add at most as many. */
    broadMax: z.number().int().min(1).max(100),
    /** Most sentences quoted from one paragraph of a broad answer. */
    sentencesPerParagraph: z.number().int().min(1).max(10),
    /** Most further paragraphs quoted after a factual answer's lead. */
    factualMore: z.number().int().min(0).max(20),
    /** A further block joins a factual answer when it is at least this share as relevant as the lead's. */
    alsoShare: z.number().min(0).max(1),
    /** A sentence bears on the topic when it covers at least this share of it. */
    bearing: z.number().min(0).max(1),
    /** A reply passage's score is this share of its similarity to the question, the rest its coverage of it. */
    replySimilarity: z.number().min(0).max(1),
    /** A delegation paragraph replies to a question when one of its passages covers this share of it. */
    replyLink: z.number().min(0).max(1),
    /** …and answers it at least this share as well as it answers any question put before it. */
    replyShare: z.number().min(0).max(1),
    /**
     * …and scores at least this share of the question's best reply: one far weaker than the best
     * shares the question's words rather than answering it.
     */
    replyRatio: z.number().min(0).max(1),
    /**
     * A reply's score is multiplied by this for each exchange of the dialogue between the
     * question's and its own: the delegation answers the turn just put to it first.
     */
    replyDecay: z.number().min(0).max(1),
    /** A question is answered, not partly, when its replies together cover this share of it. */
    replyAnswered: z.number().min(0).max(1),
    /** A question of the map is about the topic asked when it covers this share of its words. */
    topicCoverage: z.number().min(0).max(1),
    /** Most replies linked to one question. */
    repliesMax: z.number().int().min(1).max(20),
    /** A generated claim stands when the paragraphs it cites cover this share of its content. */
    claimCoverage: z.number().min(0).max(1),
    /** Two words are the same foreign and English word when they share this share of letters. */
    cognatePrefix: z.number().min(0).max(1),
  })
  .strict()
export type Policy = z.infer<typeof PolicySchema>

export const DEFAULT_POLICY: Policy = PolicySchema.parse({
  pool: 20,
  lexicalWeight: 0.5,
  coverageWeight: 0.6,
  rerankDepth: 20,
  synonymSimilarity: 0.72,
  expansionSimilarity: 0.6,
  relevanceBias: -4.545,
  relevanceCoverage: 3.903,
  relevanceSimilarity: 0.957,
  relevanceAbsent: 1.007,
  relevanceAgreement: 1.853,
  relevance: 0.1,
  broadRelevance: 0.1,
  listRelevance: 0.06,
  judged: 20,
  broadMax: 12,
  sentencesPerParagraph: 2,
  factualMore: 2,
  alsoShare: 0.85,
  bearing: 0.25,
  cognatePrefix: 0.7,
  claimCoverage: 0.9,
  replySimilarity: 0.5,
  replyLink: 0.25,
  replyShare: 0.9,
  replyRatio: 0.8,
  replyAnswered: 0.4,
  replyDecay: 0.6,
  topicCoverage: 0.5,
  repliesMax: 3,
})
