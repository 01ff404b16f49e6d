package io.todo.validator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What the corpus (render-cases/err-json6902-*, patch-json6902-*) cannot show: the patches kustomize
 * crashes on, and the library's equality.
 */
class JsonPatchTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s);
  }

  @Test
  void wholeDocumentWithoutValueIsAnErrorWhereKustomizeCrashes() throws Exception {
    JsonNode doc = json("{\"kind\":\"K\"}");
    assertThatThrownBy(() -> JsonPatch.apply(doc, json("[{\"op\":\"replace\",\"path\":\"\"}]")))
        .isInstanceOf(RenderException.class).hasMessage("replace operation of the whole document has no value");
    assertThatThrownBy(() -> JsonPatch.apply(doc, json("[{\"op\":\"test\",\"path\":\"\"}]")))
        .isInstanceOf(RenderException.class).hasMessage("test operation of the whole document has no value");
  }

  @Test
  void aNullOperationHasAnUnknownKind() throws Exception {
    assertThatThrownBy(() -> JsonPatch.apply(json("{}"), json("[null]")))
        .isInstanceOf(RenderException.class).hasMessage("Unexpected kind: unknown");
  }

  @Test
  void theDocumentIsNotModified() throws Exception {
    JsonNode doc = json("{\"a\":[1]}");
    JsonNode out = JsonPatch.apply(doc, json("[{\"op\":\"add\",\"path\":\"/a/0\",\"value\":0}]"));
    assertThat(out).isEqualTo(json("{\"a\":[0,1]}"));
    assertThat(doc).isEqualTo(json("{\"a\":[1]}"));
  }

  @Test
  void equalityIsStructuralWithScalarsAsGoPrintsThem() throws Exception {
    assertThat(JsonPatch.equal(json("1"), json("1.0"))).isTrue();
    assertThat(JsonPatch.equal(json("1"), json("\"1\""))).isFalse();
    assertThat(JsonPatch.equal(json("{\"a\":null,\"b\":[1,null]}"), json("{\"b\":[1,null],\"a\":null}"))).isTrue();
    assertThat(JsonPatch.equal(json("{\"a\":null}"), json("{\"a\":0}"))).isFalse();
    assertThat(JsonPatch.equal(json("{\"a\":1}"), json("{\"a\":1,\"b\":1}"))).isFalse();
    assertThat(JsonPatch.equal(json("[1]"), json("{\"0\":1}"))).isFalse();
    assertThat(JsonPatch.equal(json("\"x\""), json("null"))).isFalse();
  }
}
