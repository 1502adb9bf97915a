import { reply, startFakeApi, text } from "@lcc/testkit";
const fake = await startFakeApi({ script: () => reply(text("hi")) });
console.log(fake.baseURL);
