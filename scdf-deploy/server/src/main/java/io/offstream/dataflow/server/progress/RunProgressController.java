package io.offstream.dataflow.server.progress;

import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /offstream/runs/{key}/progress}: where an Offstream run stands (phase, rows done and
 * left, rows/s, time left, consumer lag), from the run ledger in the server's database. run-demo.sh
 * follows runs with it; {@code ?children=true} also takes a multi-region run's child runs' newest event.
 */
@RestController
public class RunProgressController {

    private final RunProgressReader reader;

    public RunProgressController(DataSource dataSource) {
        this.reader = new RunProgressReader(new JdbcTemplate(dataSource));
    }

    @GetMapping("/offstream/runs/{key}/progress")
    public RunProgress progress(@PathVariable String key, @RequestParam(defaultValue = "false") boolean children) {
        return reader.read(key, children, Instant.now()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No run " + key + " in the run ledger (plan records a run when it starts)"));
    }
}
