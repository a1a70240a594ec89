/** Placeholder: filled in by the automation work. */
export {};
