package io.offstream.registry.web;

import java.util.List;

import io.offstream.registry.dispatch.DispatchService;
import io.offstream.registry.model.DispatchState;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /dispatches}: the persistent queue and its state transitions. */
@RestController
@RequestMapping("/dispatches")
public class DispatchController {

    private final DispatchService dispatches;

    public DispatchController(DispatchService dispatches) {
        this.dispatches = dispatches;
    }

    /** Accepts a child: placed on the region with the most headroom ({@code placement}), or {@code queued}. */
    @PostMapping
    public DispatchView accept(@Valid @RequestBody DispatchRequest request) {
        String payload = request.payload() == null || request.payload().isNull() ? null : request.payload().toString();
        int slots = request.slots() == null ? 1 : request.slots();
        return DispatchView.of(dispatches.accept(request.runKey(), request.childKey(), payload, slots));
    }

    @GetMapping
    public List<DispatchView> list(@RequestParam(required = false) String runKey,
            @RequestParam(required = false) DispatchState state) {
        return dispatches.list(runKey, state).stream().map(DispatchView::of).toList();
    }

    @GetMapping("/{id}")
    public DispatchView get(@PathVariable long id) {
        return dispatches.find(id).map(DispatchView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No dispatch " + id));
    }

    /** Places waiting dispatches on regions that have room now; returns those placed. */
    @PostMapping("/assign")
    public List<DispatchView> assign() {
        return dispatches.assignWaiting().stream().map(DispatchView::of).toList();
    }

    @PostMapping("/{id}/launched")
    public DispatchView launched(@PathVariable long id) {
        return DispatchView.of(dispatches.launched(id));
    }

    @PostMapping("/{id}/done")
    public DispatchView done(@PathVariable long id, @RequestBody(required = false) ReasonRequest body) {
        return DispatchView.of(dispatches.ended(id, DispatchState.DONE, ReasonRequest.reasonOf(body)));
    }

    @PostMapping("/{id}/failed")
    public DispatchView failed(@PathVariable long id, @RequestBody(required = false) ReasonRequest body) {
        return DispatchView.of(dispatches.ended(id, DispatchState.FAILED, ReasonRequest.reasonOf(body)));
    }

    /** Back into the queue to be placed again; {@code avoidRegion: true} when its region failed it. */
    @PostMapping("/{id}/requeue")
    public DispatchView requeue(@PathVariable long id, @RequestBody(required = false) ReasonRequest body) {
        return DispatchView.of(dispatches.requeue(id, ReasonRequest.reasonOf(body), ReasonRequest.avoidsRegion(body)));
    }
}
