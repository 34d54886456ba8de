import { alt, rx, together, type RedFlagConcept } from './words.js';

/** After a T-number: an MRI sequence, not a thoracic level. */
const NOT_MRI =
  '(?!(?: (?:and |& )?t\\d{1,2})* (?:weighted|weight|hyperintense|hypointense|hyper|hypo|signals?|images?|sequences?|stir|flair|w)\\b)';

/** Words that put a T-number on the spine. */
const SPINE_WORDS =
  '(?:back|spine|spinal|vertebra\\w*|discs?|disks?|fractur\\w*|herniat\\w*|bulg\\w*|compression|wedg\\w*|collaps\\w*|broke|broken|injur\\w*|degenerat\\w*|\\w*kyphosis)';

/** Checked after `word`, so the look back runs only where the word is. */
const notLower = (word: string): string => `(?<!\\blow(?:er)? (?:to )?${word})`;

/** Pain at the top of the back rather than the lower back (red-flags.md, urgent tier): upper, mid or thoracic back, the shoulder blades. */
export const upperBack: RedFlagConcept = {
  id: 'upper-back',
  rules: [
    {
      id: 'top-of-back',
      tier: 'urgent',
      sign: 'pain at the top of the back',
      pattern: rx(
        // "lower mid back" and "lower to mid back" are the lower back's upper end, not its top.
        `\\b${alt('top', 'upper', 'high', 'higher', `mid${notLower('mid')}`, `middle${notLower('middle')}`)} (?:part |up )?(?:of |in )?(?:my |the |his |her |their )?(?:(?:left|right) (?:side (?:of )?(?:my |the |his |her )?)?)?(?:back|spine)\\b`,
        `\\b(?:between|under|underneath|below|beneath|on|in|around) (?:my |the |both )?(?:left |right )?shoulder ?blades?\\b`,
        `\\bshoulder ?blades?\\b`,
        `\\bupper (?:and|&) lower back\\b`,
        `\\bscapula\\b`,
        `\\b(?:between|under|underneath) (?:my |the )?(?:left |right )?(?:scapula|spine and (?:my |the )?(?:left |right )?(?:scapula|shoulder ?blade))\\b`,
        `\\bthoracic\\b`,
        // A thoracic level told beside the spine: "fractured T7 & T8 vertebrae", "wedging of T8", "my back
        // pain is up at T3". Not an MRI sequence ("T1/T2 hyperintense signal", "T2 weighted images").
        `\\bt ?(?:[1-9]|10)\\b${NOT_MRI}(?:(?=[^.;!?]*\\b${SPINE_WORDS}\\b)|(?<=\\b${SPINE_WORDS}\\b[^.;!?]*))`,
        `\\b(?:back|spine)(?: pain| ache)? (?:right )?in the middle\\b`,
        `(?<!\\blow(?:er)? )\\b(?:mid ?point|middle part) of (?:my |the )?(?:back|spine)\\b`,
        `\\bthoraco ?lumbar\\b`,
        // "around where a bra strap sits"
        `\\b(?:where|around|at|along|under|level with) (?:my |a |the )?bra (?:strap|line)\\b`,
        `\\bbetween (?:my |the |his |her |both )?shoulders\\b`,
        `\\bback (?:[^ .;!?]+ ){0,2}up top\\b`,
        // "right up at the top by my neck and shoulders"
        `\\bup (?:at |near |by )?the top (?:by|near|under|below|of) (?:my |the )?(?:neck|shoulders)\\b`,
        // Where the ribs meet the spine is the top of the back: "near where my ribs meet my spine".
        together(
          alt('ribs?', 'rib cage', 'ribcage'),
          alt('spine', 'vertebra', 'vertebrae', 'spinal'),
          4,
          'below|under|underneath|beneath|lower',
        ),
      ),
    },
  ],
};
