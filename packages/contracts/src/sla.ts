/** Placeholder: filled in by the sla work. */
export {};
