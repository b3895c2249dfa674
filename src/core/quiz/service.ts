/** On-demand quiz rounds. Being built (issue: the practice engine). */
export interface QuizService {}
