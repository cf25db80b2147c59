package org.outreachcrm.duplicates.web;

import java.security.Principal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.DuplicatePairs;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.outreachcrm.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue: open pairs best first, both records side by side, a link to the merge
 * page and "not a duplicate", within the viewer's country scope.
 */
@PageController
@RequestMapping("/duplicates")
class DuplicatePageController {

	private static final int PAGE_SIZE = 20;

	private final DuplicatePairs pairs;

	DuplicatePageController(DuplicatePairs pairs) {
		this.pairs = pairs;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "ORGANIZATION") MergeKind kind,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(name = "import", required = false) @Nullable Long importId, Model model) {
		int number = Math.max(0, Math.min(page, 10_000));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", MergeKind.values());
		// from an import's page: only the pairs that import found
		model.addAttribute("importId", importId);
		model.addAttribute("pairs", this.pairs.review(kind, importId, PageRequest.of(number, PAGE_SIZE)));
		model.addAttribute("mergePath", (kind == MergeKind.ORGANIZATION) ? "organizations" : "contacts");
		return "duplicates/queue";
	}

	@PostMapping("/{id}/dismiss")
	Object dismiss(@PathVariable long id, @RequestParam(defaultValue = "ORGANIZATION") MergeKind kind,
			Principal principal, HtmxRequest htmx, RedirectAttributes redirect) {
		this.pairs.dismiss(id, principal.getName());
		if (htmx.isHtmxRequest()) {
			// the row is replaced by nothing
			return ResponseEntity.ok("");
		}
		redirect.addFlashAttribute("flash", "duplicates.dismissed");
		return "redirect:/duplicates?kind=" + kind.name();
	}

}
