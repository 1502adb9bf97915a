// Public surface of @lcc/chapter-kit (filled as plumbing moves here from s01).
export {};
