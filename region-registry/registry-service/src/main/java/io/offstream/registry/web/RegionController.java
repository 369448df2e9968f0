package io.offstream.registry.web;

import java.util.List;

import io.offstream.registry.dispatch.DispatchService;
import io.offstream.registry.dispatch.RegionService;
import io.offstream.registry.model.Region;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /regions}: register, enable, disable, delete, and list with health and headroom. */
@RestController
@RequestMapping("/regions")
public class RegionController {

    private final RegionService regions;

    private final DispatchService dispatches;

    public RegionController(RegionService regions, DispatchService dispatches) {
        this.regions = regions;
        this.dispatches = dispatches;
    }

    @PostMapping
    public RegionView register(@Valid @RequestBody RegionRequest request) {
        String source = request.capacitySource() == null ? Region.CAPACITY_FROM_SCDF : request.capacitySource().toLowerCase();
        regions.register(new Region(request.name(), request.scdfUrl(), request.platformAccount(), request.kafkaBootstrap(),
                source, true, null, null));
        dispatches.assignWaiting();
        return get(request.name());
    }

    @PutMapping("/{name}/enabled")
    public RegionView setEnabled(@PathVariable String name, @RequestBody Boolean enabled) {
        if (enabled == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Body must be true or false");
        }
        regions.setEnabled(name, enabled).orElseThrow(() -> notFound(name));
        dispatches.assignWaiting();
        return get(name);
    }

    @DeleteMapping("/{name}")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        if (!regions.delete(name)) {
            throw notFound(name);
        }
        dispatches.assignWaiting();
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    public List<RegionView> list() {
        return regions.statuses().stream().map(RegionView::of).toList();
    }

    @GetMapping("/{name}")
    public RegionView get(@PathVariable String name) {
        return regions.status(name).map(RegionView::of).orElseThrow(() -> notFound(name));
    }

    private static ResponseStatusException notFound(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No region " + name);
    }
}
