/** The emotions and activities the apps offer as one-tap choices; people can add their own words too. */
export const EMOTIONS = ['happy', 'grateful', 'excited', 'proud', 'loved', 'content', 'calm', 'hopeful', 'focused', 'okay', 'bored', 'restless', 'tired', 'irritable', 'anxious', 'overwhelmed', 'sad', 'lonely', 'hopeless', 'exhausted'] as const;

export const ACTIVITIES = ['exercise', 'meditation', 'friends', 'family', 'work late', 'poor sleep', 'reading', 'alcohol', 'nature', 'therapy'] as const;
