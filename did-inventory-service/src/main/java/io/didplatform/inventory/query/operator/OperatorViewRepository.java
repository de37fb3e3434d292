package io.didplatform.inventory.query.operator;

import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorViewRepository extends JpaRepository<OperatorView, String> {
}
