// Public surface (being built).
export {};
