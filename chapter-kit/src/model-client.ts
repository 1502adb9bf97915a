// The client every chapter and lcc talk to the model with: the SDK's own base client (auth, retries,
// streaming, errors) with the one API an agent calls, Messages. `new Anthropic()` also builds the beta,
// admin, files, skills… APIs: about 320 KB of code that every start would load and never use.
import { BaseAnthropic } from "@anthropic-ai/sdk/client";
import { Messages } from "@anthropic-ai/sdk/resources/messages/messages";

/** The official SDK client with `messages` only (`stream`, `create`, `countTokens`, `batches`). */
export class ModelClient extends BaseAnthropic {
  messages: Messages = new Messages(this);
}
