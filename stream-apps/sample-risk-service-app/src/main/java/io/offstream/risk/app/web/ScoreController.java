package io.offstream.risk.app.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.offstream.consumer.core.json.PlainJsonCodec;
import io.offstream.schemas.sample.RiskDecision;
import io.offstream.schemas.sample.Transaction;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /score}: a {@code Transaction} as plain JSON (schema field names, times as epoch
 * millis) in, the {@code RiskDecision} as plain JSON out, computed by the very same
 * {@code riskService} bean the service consumer hosts. A request the service rejects (e.g. an
 * unknown currency, a missing field) is a 400 with the reason.
 */
@RestController
public class ScoreController {

    private final Function<Transaction, RiskDecision> riskService;

    private final PlainJsonCodec<Transaction> transactions = PlainJsonCodec.of(Transaction.class);

    private final PlainJsonCodec<RiskDecision> decisions = PlainJsonCodec.of(RiskDecision.class);

    public ScoreController(@Qualifier("riskService") Function<Transaction, RiskDecision> riskService) {
        this.riskService = riskService;
    }

    @PostMapping(path = "/score", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> score(@RequestBody byte[] body) {
        Transaction transaction = transactions.read(body);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(decisions.write(riskService.apply(transaction)));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<byte[]> badRequest(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "\\\"");
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(("{\"error\":\"" + e.getClass().getSimpleName() + "\",\"message\":\"" + message + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
